/** A catalog gift's icon (an SVG under public/gifts: already the right size, next/image would only re-encode it). */
export function GiftIcon({ icon, name, className = "h-10 w-10" }: { icon: string; name: string; className?: string }) {
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={icon} alt={name} draggable={false} className={className} />;
}
