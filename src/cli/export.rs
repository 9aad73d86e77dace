//! `synoptic export`, and writing files safely.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};

use super::{ExportArgs, FormatArg, UsageError, load, use_color};
use crate::core::export::{ExportOptions, Format, write_export};

/// Run `synoptic export`.
pub fn export(args: &ExportArgs, terminal_width: Option<usize>) -> Result<()> {
    let synopsis = load(&args.input)?;
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let opts = ExportOptions {
        format: match args.format {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
        },
        topic: args.topic.clone(),
        width: args
            .width
            .or(if to_terminal { terminal_width } else { None })
            .unwrap_or(160),
        color: use_color(args.input.color, to_terminal),
    };
    // An unknown --topic is refused by write_export before it writes anything.
    match &args.output {
        Some(path) => write_file(path, args.force, |out| {
            Ok(write_export(&synopsis, &opts, out)?)
        }),
        // A closed pipe (`synoptic export | head`) is taken quietly in main.
        None => Ok(write_export(&synopsis, &opts, &mut io::stdout().lock())?),
    }
}

/// Write through a temporary file beside `path` and a rename: never a half-written file, and
/// never a replaced one unless `force`.
pub fn write_file(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let shown = path.display().to_string();
    if path.exists() && !force {
        return Err(UsageError(format!(
            "{shown} already exists; choose another name or add --force to replace it"
        ))
        .into());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("{shown}: cannot create a file in {}", dir.display()))?;
    {
        let mut writer = io::BufWriter::new(tmp.as_file_mut());
        fill(&mut writer)?;
        writer
            .flush()
            .with_context(|| format!("{shown}: write failed"))?;
    }
    let persisted = if force {
        tmp.persist(path).map(|_| ())
    } else {
        tmp.persist_noclobber(path).map(|_| ())
    };
    persisted.map_err(|e| anyhow!("{shown}: cannot write the file ({})", e.error))
}
