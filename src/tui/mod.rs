//! The reader: a terminal UI over a `Synopsis`. `App` holds the state, keys become `Action`s
//! through the keymap, `App::update` applies them, `render` draws `&App`; what reaches beyond
//! the screen (clipboard, pager, files) is a `Request` the event loop carries out.
//!
//! Folders, each importing only the ones listed before it (`tests/structure.rs` checks it):
//! `layout` (the panes' wrapped, painted lines, from a `Shape`), `keys` (actions, the keymap,
//! the help built from it), `config` (the configuration file, colours), `effects` (requests and
//! how they are carried out), `state` (`App` and `update`), `widgets` (drawing `&App`), and
//! `terminal` (the event loop, signals, the screen).

pub mod config;
pub mod effects;
pub mod keys;
pub mod layout;
pub mod state;
pub mod terminal;
pub mod widgets;
