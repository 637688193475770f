// Starts `jnp lsp` for .jnp files. The command comes from the `jnp.server.command` setting.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration('jnp').get('server.command', ['jnp', 'lsp']);
  // No `transport`: the server speaks on stdin/stdout, and the client then adds no --stdio flag.
  const serverOptions = { command, args };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'jnp' },
      { scheme: 'untitled', language: 'jnp' }
    ]
  };
  client = new LanguageClient('jnp', 'jnp language server', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
