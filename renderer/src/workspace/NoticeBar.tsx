import { useNoticeStore } from '../shared/index';

export function NoticeBar() {
  const notice = useNoticeStore((s) => s.notice);
  const dismiss = useNoticeStore((s) => s.dismiss);
  if (!notice) return null;
  return (
    <div className={`banner banner-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" className="quiet" onClick={dismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
