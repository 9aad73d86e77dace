//! The reader: a terminal UI over a [`Synopsis`](crate::core::synopsis::Synopsis).

use crate::cli::Input;
use crate::core::synopsis::Synopsis;

/// Run the reader until the user quits.
pub fn run(synopsis: Synopsis, _input: &Input) -> anyhow::Result<()> {
    let mut out = std::io::stdout();
    let opts = crate::core::export::ExportOptions::default();
    crate::core::export::write_export(&synopsis, &opts, &mut out)?;
    Ok(())
}
