//! Wording comparison: shared wording, pairwise marks, figures, what is telling, synopsis rows,
//! and the synopsis (articles aligned and compared).

pub mod agree;
pub mod figures;
pub mod highlight;
pub mod pairwise;
pub mod quotes;
pub mod rows;
pub mod rows_measure;
pub mod salience;
pub mod synopsis;
