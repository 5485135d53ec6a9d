/** The draft checker's default port (in its own module so that the CLI can show it without loading the server). */
export const DEFAULT_PORT = 4317;
