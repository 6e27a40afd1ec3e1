// A show's LiveKit room is named after its public room number.
const PREFIX = "show-";

export function roomNameFor(roomNumber: number): string {
  return `${PREFIX}${roomNumber}`;
}

/** The room number of a LiveKit room name, or null when the room is not a show's. */
export function roomNumberFromName(name: string): number | null {
  if (!name.startsWith(PREFIX)) return null;
  const rest = name.slice(PREFIX.length);
  if (!/^[1-9]\d{0,9}$/.test(rest)) return null;
  return Number(rest);
}
