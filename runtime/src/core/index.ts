/**
 * @nudge/runtime/core: the pure interpreter (compile, advance), the send policy, Liquid
 * rendering and the simulator arrive here with the runtime-core issue. It must stay free of
 * Node-only and I/O imports, because the editor runs it in the browser (biome enforces this).
 */
export {};
