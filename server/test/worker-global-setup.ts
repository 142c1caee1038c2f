import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder the Worker's assets binding serves: the exported demo index and a widget stub. */
    workerAssetsDir: string;
    workerIndex: { version: string; passages: number };
  }
}

/**
 * Runs in Node before the workerd tests and builds the Worker's assets. The crawler is loaded
 * through the root project, which resolves packages for Node; the workers project resolves them
 * for workerd (browser builds, everything inlined), which is wrong for code that runs in Node.
 */
export default async function setup(project: TestProject) {
  const fixture = fileURLToPath(new URL('./worker-assets-fixture.ts', import.meta.url));
  const { buildWorkerAssets } = await project.vitest.getRootProject().import<typeof import('./worker-assets-fixture.js')>(fixture);
  const assets = await buildWorkerAssets();
  project.provide('workerAssetsDir', assets.assetsDir);
  project.provide('workerIndex', assets.index);
  return () => assets.close();
}
