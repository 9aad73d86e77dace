//! Keys: the `Action`s a user can take, the keymap that turns keys into them, key names, and
//! the help screen's text built from the keymap.

pub mod action;
pub mod help;
pub mod key_names;
pub mod keymap;
