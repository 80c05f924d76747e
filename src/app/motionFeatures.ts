// motion's animation features, loaded after the first paint (LazyMotion): nodes render at once and
// start animating when this arrives.
import { domAnimation } from 'motion/react';
export default domAnimation;
