//! What the reader does beyond its screen: the requests `update` composes (clipboard, pager,
//! export, corrections saved) and the code that carries them out for the event loop.

pub mod corrections_file;
pub mod outside;
