/** Deepest nesting of arrays/objects in a parsed JSON value, counted without recursion (no stack to overflow). */
export function jsonDepth(value: unknown, stopAfter = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > stopAfter) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, level]);
  }
  return deepest;
}

export const MAX_JSON_DEPTH = 32;

interface BodyRequest {
  body?: unknown;
}
interface StatusResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * Express middleware: a JSON body nested deeper than MAX_JSON_DEPTH gets a 400 instead of overflowing the
 * validation pipe's recursion (which would be a 500).
 */
export function rejectDeepJson(request: BodyRequest, response: StatusResponse, next: () => void): void {
  if (jsonDepth(request.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    response.status(400).json({
      statusCode: 400,
      error: 'Bad Request',
      message: 'De invoer is ongeldig.',
      fields: [{ field: '(body)', messages: [`JSON is dieper genest dan ${MAX_JSON_DEPTH} niveaus.`] }],
    });
    return;
  }
  next();
}
