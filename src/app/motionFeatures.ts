// motion's animation features are no longer used by the diagram (nodes.tsx says why); this module
// stays only while App.tsx and twin/TwinApp.tsx still load it for their LazyMotion.
import { domAnimation } from 'motion/react';
export default domAnimation;
