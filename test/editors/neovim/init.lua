-- A minimal Neovim configuration (Neovim 0.7 API, also valid on 0.8–0.11) that starts the
-- guideline language server as a plain LSP client would, opens a guideline and writes what the
-- editor received to a JSON file: vim.diagnostic.get(), a hover and a definition.
-- Driven by run.mjs through environment variables; not meant for daily use (see README.md).
local env = {
  cli = os.getenv('GUIDELINE_CLI'),
  file = os.getenv('GUIDELINE_FILE'),
  root = os.getenv('GUIDELINE_ROOT'),
  out = os.getenv('GUIDELINE_OUT'),
  line = tonumber(os.getenv('GUIDELINE_LINE')),
  character = tonumber(os.getenv('GUIDELINE_CHARACTER')),
}

local result = { version = vim.version(), errors = {} }

local function finish()
  local handle = io.open(env.out, 'w')
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qall!')
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local client_id = vim.lsp.start_client({
    name = 'guideline',
    cmd = { 'node', env.cli, 'lsp', '--stdio' },
    root_dir = env.root,
    workspace_folders = { { uri = vim.uri_from_fname(env.root), name = 'workspace' } },
    on_exit = function(code)
      result.exit = code
    end,
  })
  if not client_id then
    table.insert(result.errors, 'start_client failed')
    return finish()
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  result.uri = vim.uri_from_bufnr(bufnr)

  -- Neovim 0.7 does not pull diagnostics: they arrive only if the server pushes them.
  vim.wait(60000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code or lsp.code,
    })
  end

  local params = {
    textDocument = { uri = result.uri },
    position = { line = env.line, character = env.character },
  }
  local function first(responses)
    for _, response in pairs(responses or {}) do
      if response.err then
        table.insert(result.errors, vim.inspect(response.err))
      end
      if response.result then
        return response.result
      end
    end
    return vim.NIL
  end
  result.hover = first(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 20000))
  result.definition = first(vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', params, 20000))
  vim.lsp.stop_client(client_id)
  finish()
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(main)
    if not ok then
      table.insert(result.errors, tostring(err))
      finish()
    end
  end,
})
