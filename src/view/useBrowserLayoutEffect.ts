import { useEffect, useLayoutEffect } from 'react'

/**
 * useLayoutEffect in a browser. On the server, where no effect runs anyway, useEffect: React 18's
 * server renderer warns once per useLayoutEffect per render (React 19 does not), and a docs site on
 * React 18 (within the package's peer range) would print those warnings at every page build.
 */
export const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect
