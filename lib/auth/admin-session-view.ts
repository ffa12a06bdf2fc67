/** One of a console admin's sessions as Account › Security lists it (never the token or the precise address). */
export type TAdminSession = { id: string; device: string; network: string | null; lastSeenAt: Date; isCurrent: boolean }
