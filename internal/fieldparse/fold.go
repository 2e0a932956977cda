package fieldparse

import "carnet/internal/textfold"

// Fold returns s lower-cased, without accents, ligatures spelled out and
// white space collapsed: the comparison key of header and group names. It
// is textfold.Fold, the one folding the search index also uses.
func Fold(s string) string { return textfold.Fold(s) }
