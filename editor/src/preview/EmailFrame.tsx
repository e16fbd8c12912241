import { useEffect, useRef, useState } from 'react';

const WIDTHS = { desktop: 640, mobile: 375 } as const;
export type FrameWidth = keyof typeof WIDTHS;

/**
 * An HTML email in a sandboxed frame, at a mail client's width, scaled down to fit the column:
 * no script in it runs, no link in it navigates, and its styles stay inside. The frame is as tall
 * as the email, so the column scrolls rather than the frame.
 */
export function EmailFrame({
  html,
  width,
  title,
}: {
  html: string;
  width: FrameWidth;
  title: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [room, setRoom] = useState<number>(WIDTHS.desktop);
  const [height, setHeight] = useState(240);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setRoom(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const frameWidth = WIDTHS[width];
  const scale = Math.min(1, room / frameWidth);
  const measure = () => {
    // Same origin without scripts (sandbox="allow-same-origin"): the page reads the height.
    const doc = frame.current?.contentDocument;
    if (doc) setHeight(Math.max(120, doc.documentElement.scrollHeight));
  };
  return (
    <div ref={box} className="email-frame" style={{ height: height * scale }}>
      <iframe
        ref={frame}
        title={title}
        className="email-frame__frame"
        sandbox="allow-same-origin"
        srcDoc={html}
        onLoad={measure}
        style={{ width: frameWidth, height, transform: `scale(${scale})` }}
      />
    </div>
  );
}
