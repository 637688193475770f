-- The real-client test of `jnp lsp`, run by lsp-e2e.sh inside headless Neovim (0.7 or later).
-- Starts the server from the CLI jar with vim.lsp.start_client, opens a .jnp file whose rule names
-- an unknown port, and checks what a person would see: the diagnostic on that rule's line, then
-- go to definition, hover and completion, and that fixing the text clears the diagnostic.
-- Exits Neovim with status 0 when every check passes, 1 otherwise.

local jar = assert(os.getenv('JNP_JAR'), 'JNP_JAR is not set')
local file = assert(os.getenv('JNP_LSP_FILE'), 'JNP_LSP_FILE is not set')
local timeout_ms = 60000

local function say(message)
  io.stdout:write('lsp-e2e: ' .. message .. '\n')
end

-- The 0-based line and byte column of the first occurrence of `needle` in the buffer.
local function find(bufnr, needle)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local column = line:find(needle, 1, true)
    if column then
      return index - 1, column - 1
    end
  end
  error('the test file has no ' .. needle)
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout_ms)
  if not responses then
    error(method .. ' got no answer: ' .. tostring(err))
  end
  for _, response in pairs(responses) do
    if response.err then
      error(method .. ' failed: ' .. vim.inspect(response.err))
    end
    return response.result
  end
  error(method .. ' got an empty answer')
end

local function check(condition, message)
  if not condition then
    error(message, 2)
  end
end

local exit_code
local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local client_id = vim.lsp.start_client({
    name = 'jnp',
    cmd = { 'java', '-jar', jar, 'lsp' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    on_exit = function(code) exit_code = code end,
  })
  check(client_id, 'vim.lsp.start_client did not start jnp lsp')
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'could not attach the buffer to jnp lsp')

  -- Diagnostics: the unknown port, on the rule's own line, with its code.
  local published = vim.wait(timeout_ms, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  check(published, 'no diagnostics within ' .. timeout_ms .. ' ms')
  local diagnostics = vim.diagnostic.get(bufnr)
  check(#diagnostics == 1, 'expected one diagnostic, got ' .. vim.inspect(diagnostics))
  local diagnostic = diagnostics[1]
  local line, column = find(bufnr, 'storge')
  check(diagnostic.lnum == line, ('diagnostic on line %d, expected line %d'):format(diagnostic.lnum + 1, line + 1))
  check(diagnostic.col == column, ('diagnostic at column %d, expected %d'):format(diagnostic.col + 1, column + 1))
  check(diagnostic.code == 'JNP0101', 'diagnostic code ' .. tostring(diagnostic.code) .. ', expected JNP0101')
  check(diagnostic.severity == vim.diagnostic.severity.ERROR, 'the unknown port is not an error')
  check(diagnostic.message:find("did you mean 'storage'", 1, true), 'no hint in: ' .. diagnostic.message)
  say(('diagnostic %s on line %d: %s'):format(diagnostic.code, diagnostic.lnum + 1, diagnostic.message:gsub('\n', ' / ')))

  -- Go to definition: a peer name in a rule leads to its declaration.
  local use_line, use_column = find(bufnr, 'flux, ns')
  local locations = request(bufnr, 'textDocument/definition',
    { textDocument = { uri = uri }, position = { line = use_line, character = use_column } })
  local declared = find(bufnr, 'peer flux')
  check(locations and #locations == 1 and locations[1].range.start.line == declared,
    'definition of flux: ' .. vim.inspect(locations))

  -- Hover on a port name shows its declaration.
  local port_line, port_column = find(bufnr, 'http from')
  local hover = request(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = port_line, character = port_column } })
  check(hover and hover.contents.value:find('port http    8080', 1, true), 'hover on http: ' .. vim.inspect(hover))

  -- Fixing the text clears the diagnostic (didChange, full sync).
  vim.api.nvim_buf_set_lines(bufnr, line, line + 1, false,
    { (vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]:gsub('storge', 'storage')) })
  local cleared = vim.wait(timeout_ms, function() return #vim.diagnostic.get(bufnr) == 0 end, 50)
  check(cleared, 'the diagnostic stayed after the fix: ' .. vim.inspect(vim.diagnostic.get(bufnr)))

  -- Completion after 'allow ' offers the workload's ports.
  vim.api.nvim_buf_set_lines(bufnr, line + 1, line + 1, false, { '  allow ' })
  local items = request(bufnr, 'textDocument/completion',
    { textDocument = { uri = uri }, position = { line = line + 1, character = 8 } })
  local labels = {}
  for _, item in ipairs(items.items or items) do
    labels[item.label] = true
  end
  check(labels.http and labels.storage and labels.from, 'completion after allow: ' .. vim.inspect(vim.tbl_keys(labels)))

  vim.lsp.stop_client(client_id)
  check(vim.wait(timeout_ms, function() return exit_code ~= nil end, 50), 'jnp lsp did not exit after shutdown')
  check(exit_code == 0, 'jnp lsp exited with status ' .. tostring(exit_code))
  say('passed: diagnostics, definition, hover, didChange and completion in Neovim ' .. tostring(vim.version().major) .. '.'
    .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch))
end

local ok, failure = pcall(run)
if ok then
  vim.cmd('qall!')
else
  io.stdout:write('lsp-e2e: FAILED: ' .. tostring(failure) .. '\n')
  vim.cmd('cquit 1')
end
