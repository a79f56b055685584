import type { FeatureBundle } from 'motion/react'

let features: Promise<FeatureBundle> | null = null

/** For `<LazyMotion features={loadMotionFeatures}>`: one download shared by every stage on the page. */
export function loadMotionFeatures(): Promise<FeatureBundle> {
  features ??= import('./motionFeatures').then((m) => m.default)
  return features
}
