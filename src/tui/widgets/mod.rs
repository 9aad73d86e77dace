//! Drawing: `render` reads `&App` and draws the panes, the topic list, the legend, the status
//! bar and the help. Nothing here changes state.

pub mod legend;
pub mod pane;
pub mod render;
pub mod status;
pub mod topic_list;
