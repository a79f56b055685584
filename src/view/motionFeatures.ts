// The motion features the stage uses (animate x/y/opacity/scale: no drag, no layout animations), in
// their own chunk: `domAnimation` is the smallest bundle that animates tokens. Loaded by
// `loadMotionFeatures` after the first render, so it is not part of what index.html loads up front.
import { domAnimation } from 'motion/react'

export default domAnimation
