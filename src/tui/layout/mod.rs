//! What the panes show, as data: paragraphs wrapped to a width and painted by agreement, in
//! columns or in synopsis rows, laid out from a `Shape` with no terminal and no `App`.

pub mod build;
pub mod cache;
pub mod mode;
pub mod paint;
pub mod panes;
pub mod rows;
pub mod search;
pub mod view;
