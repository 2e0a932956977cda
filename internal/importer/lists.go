package importer

import (
	"strings"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"
)

// civilityCell reads a title against the settings' list. A title the list
// does not have ("1" from a shop's title ID, "Sir") is left out with a
// warning rather than refusing the whole row: the customer matters more
// than its title, and the warning says how to keep it.
func (run *run) civilityCell(raw string) (cellValue, *fieldparse.Problem) {
	s, p := fieldparse.Text(raw, domain.MaxTextLen)
	if s == "" || p.IsError() {
		return cellValue{empty: true}, p
	}
	if e, ok := domain.FindCivility(run.rules.Civilities, s); ok || run.rules.Civilities == nil {
		if ok {
			s = e.Name
		}
		return cellValue{v: s}, p
	}
	var names []string
	for _, v := range run.rules.Civilities {
		if !v.Archived {
			names = append(names, v.Name)
		}
	}
	w := domain.ListCivilities.Where()
	return cellValue{empty: true}, &fieldparse.Problem{Code: "civility.unknown", Severity: fieldparse.Warning,
		FR: "« " + s + " » n’est pas une civilité de la liste (" + strings.Join(names, ", ") + ") : la civilité est laissée vide. Pour la garder, ajoutez-la dans " + w.FR + " puis réimportez.",
		EN: "\"" + s + "\" is not a title of the list (" + strings.Join(names, ", ") + "): the title is left empty. To keep it, add it in " + w.EN + " and import again."}
}
