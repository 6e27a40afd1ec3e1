export function CoinIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={className}>
      <circle cx="10" cy="10" r="9" fill="#f5b301" stroke="#b57f00" strokeWidth="1.5" />
      <circle cx="10" cy="10" r="5.5" fill="none" stroke="#b57f00" strokeWidth="1.2" />
    </svg>
  );
}
