// Prints the production source files of a TypeScript project and of every project it references,
// one absolute path a line, sorted: exactly the files its tsconfig.build.json compiles (tests and
// test doubles are excluded there), plus each project's package.json. deploy.sh labels the
// chaincode package by their digest, so editing a test never forces a new chaincode sequence.
//
// Usage: node scripts/lib/production-sources.js PROJECT_DIR
'use strict';
const path = require('node:path');
const ts = require('typescript');

function sourcesOf(configFile, seen) {
  if (seen.has(configFile)) return [];
  seen.add(configFile);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (parsed === undefined) throw new Error(`cannot read ${configFile}`);
  const referenced = (parsed.projectReferences ?? []).flatMap((reference) =>
    sourcesOf(ts.resolveProjectReferencePath(reference), seen),
  );
  const manifest = path.join(path.dirname(configFile), 'package.json');
  return [...parsed.fileNames, manifest, ...referenced];
}

const projectDir = path.resolve(process.argv[2] ?? '.');
const files = sourcesOf(path.join(projectDir, 'tsconfig.build.json'), new Set());
process.stdout.write(`${[...new Set(files)].sort().join('\n')}\n`);
