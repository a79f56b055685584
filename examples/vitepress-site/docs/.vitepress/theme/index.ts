// The default theme, plus the custom element script for every page (registered once, in the
// browser only; the import is harmless during VitePress's server render), so <lambda-models> in any
// page works also after client-side navigation.
import DefaultTheme from 'vitepress/theme'
import 'lambda-execution-models/element'
// In the page's <head> (VitePress extracts it): each element's box is there before the script runs.
import 'lambda-execution-models/element.css'

export default DefaultTheme
