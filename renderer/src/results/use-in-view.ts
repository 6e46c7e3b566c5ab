import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether any of the element is on screen (inside its scroll containers' view and the window's), as
 * IntersectionObserver reports it; false until the first report.
 */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const observer = new IntersectionObserver((entries) => setInView(entries.at(-1)!.isIntersecting));
    observer.observe(ref.current!);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
