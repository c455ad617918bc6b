/** A PATCH body must change something: at least one of its optional fields is sent. */
export const sendsAField = (body: Record<string, unknown>) => Object.values(body).some((value) => value !== undefined);
