// The request header through which proxy.ts tells server components the requested path (the
// language falls back to the workspace's, and only the path names the workspace).
export const PATHNAME_HEADER = "x-pathname";
