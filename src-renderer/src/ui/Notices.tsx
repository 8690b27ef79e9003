import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'

interface Notice {
  id: number
  text: string
  tone: 'success' | 'error'
}

const NoticeContext = createContext<(text: string, tone?: Notice['tone']) => void>(() => {})

/** Short confirmations ("Marathon saved") announced to screen readers and gone after a few seconds. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([])
  const next = useRef(1)
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())

  const notify = useCallback((text: string, tone: Notice['tone'] = 'success') => {
    const id = next.current++
    setNotices((current) => [...current.slice(-2), { id, text, tone }])
    const timer = setTimeout(() => {
      timers.current.delete(timer)
      setNotices((current) => current.filter((n) => n.id !== id))
    }, 4000)
    timers.current.add(timer)
  }, [])

  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach(clearTimeout)
  }, [])

  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice-${notice.tone}`}>
            {notice.text}
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  )
}

export function useNotify(): (text: string, tone?: Notice['tone']) => void {
  return useContext(NoticeContext)
}
