//! Wording comparison: shared wording, pairwise marks, figures, what is telling, synopsis rows.

pub mod agree;
pub mod figures;
pub mod pairwise;
pub mod rows;
pub mod salience;
