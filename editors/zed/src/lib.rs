//! Starts `rfc lsp --stdio` (rfckit's language server) for Markdown files; the server answers only
//! for files of an RFC repository.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Rfckit;

impl zed::Extension for Rfckit {
    fn new() -> Self {
        Rfckit
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let rfc = worktree
            .which("rfc")
            .ok_or_else(|| "rfc is not on the PATH: install rfckit (npm install -g rfckit)".to_string())?;
        Ok(zed::Command { command: rfc, args: vec!["lsp".into(), "--stdio".into()], env: Default::default() })
    }
}

zed::register_extension!(Rfckit);
