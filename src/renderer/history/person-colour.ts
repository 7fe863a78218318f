/** A stable colour per person, so each author's revisions read at a glance. */
export function personColour(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return `hsl(${hash % 360} 55% 42%)`;
}
