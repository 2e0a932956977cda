package operatorsui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"carnet/gui/uitest"
	"carnet/internal/domain"
)

// row is what the table shows on line i of the page, cells joined by " | ".
func (j *journalView) row(i int) string {
	var cells []string
	for c := range journalColumns {
		l := j.table.CreateCell().(*widget.Label)
		j.table.UpdateCell(widget.TableCellID{Row: i, Col: c}, l)
		cells = append(cells, l.Text)
	}
	return strings.Join(cells, " | ")
}

// openJournal shows the journal and waits for its first page.
func (h *harness) openJournal() *journalView {
	var j *journalView
	h.act(func() { j = showJournal(h.win, h.svc, h.work, h.lang) })
	h.wait()
	return j
}

func TestJournalNamesTheOperator(t *testing.T) {
	h := newHarness(t, "fr", true)
	at := time.Date(2026, 3, 2, 14, 5, 0, 0, time.Local)
	h.svc.Now = func() time.Time { return at }
	h.ask()
	h.tap(employee)
	h.signedInAs(employee)
	if err := h.svc.AdjustBalance(t.Context(), h.customer, 1250, "Geste commercial"); err != nil {
		t.Fatal(err)
	}
	c, err := h.svc.Customer(t.Context(), h.customer)
	if err != nil {
		t.Fatal(err)
	}

	j := h.openJournal()
	want := []string{
		"02/03/2026 14:05 | Marie | Correction de solde | " + c.Code + " | 12,50\u00a0€ · Geste commercial",
		"02/03/2026 14:05 | Marie | Ouverture de session |  | ",
	}
	for i, w := range want {
		if got := j.row(i); got != w {
			t.Errorf("line %d: %q\nwant %q", i+1, got, w)
		}
	}
	// Turning operators on was done before anyone signed in, with its
	// setting named for the reader.
	if got := j.row(2); !strings.Contains(got, "| — | Paramètres modifiés | Demander qui travaille | Activé") {
		t.Errorf("line 3: %q", got)
	}
	// The table draws them.
	h.expectText("Correction de solde")
	h.expectText("Journal d’activité")
	h.expectText("1–5 sur 5")
	if j.prev.Visible() || j.next.Visible() {
		t.Error("one page of journal offers Précédent and Suivant")
	}
}

func TestJournalInEnglish(t *testing.T) {
	h := newHarness(t, "en", true)
	h.svc.Now = func() time.Time { return time.Date(2026, 3, 2, 14, 5, 0, 0, time.Local) }
	if _, err := h.svc.SignIn(t.Context(), owner, ownerPIN); err != nil {
		t.Fatal(err)
	}
	if err := h.svc.AdjustBalance(t.Context(), h.customer, -2000, "Refund"); err != nil {
		t.Fatal(err)
	}
	j := h.openJournal()
	if got := j.row(0); !strings.HasPrefix(got, "2026-03-02 14:05 | Claire | Balance adjustment | ") ||
		!strings.HasSuffix(got, " | -€20.00 · Refund") {
		t.Errorf("line 1: %q", got)
	}
}

func TestJournalPages(t *testing.T) {
	h := newHarness(t, "fr", true)
	if _, err := h.svc.SignIn(t.Context(), owner, ownerPIN); err != nil {
		t.Fatal(err)
	}
	for i := range 205 {
		if err := h.svc.AdjustBalance(t.Context(), h.customer, int64(100+i), fmt.Sprintf("n° %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	_, total, err := h.svc.Journal(t.Context(), 1, 0)
	if err != nil || total <= pageSize {
		t.Fatalf("journal of %d lines (%v): not enough to page", total, err)
	}
	j := h.openJournal()
	page := func(want string, prev, next bool) {
		t.Helper()
		if j.page.Text != want {
			t.Errorf("page: %q, want %q", j.page.Text, want)
		}
		if !j.prev.Disabled() != prev || !j.next.Disabled() != next {
			t.Errorf("%s: Précédent enabled %v, Suivant enabled %v; want %v, %v", want, !j.prev.Disabled(), !j.next.Disabled(), prev, next)
		}
	}
	page(fmt.Sprintf("1–200 sur %d", total), false, true)
	if len(j.entries) != pageSize || !strings.HasSuffix(j.row(0), "n° 204") {
		t.Errorf("first page: %d lines, newest %q", len(j.entries), j.row(0))
	}
	h.tap("Suivant")
	page(fmt.Sprintf("201–%d sur %d", total, total), true, false)
	if len(j.entries) != total-pageSize || !strings.Contains(j.row(0), "n° 4") {
		t.Errorf("second page: %d lines, first %q", len(j.entries), j.row(0))
	}
	h.tap("Précédent")
	page(fmt.Sprintf("1–200 sur %d", total), false, true)
}

func TestJournalEmpty(t *testing.T) {
	h := newEmptyHarness(t, "fr")
	j := h.openJournal()
	h.expectText("Le journal est vide.")
	if j.table.Visible() || j.prev.Visible() || j.next.Visible() || j.page.Text != "" {
		t.Error("an empty journal shows a table or paging")
	}
	h.tap("Fermer")
	if h.dialog() != nil {
		t.Error("Fermer leaves the journal open")
	}
}

// TestJournalNamesSettings: a settings change reads as the setting's
// name, not its key.
func TestJournalNamesSettings(t *testing.T) {
	uitest.UseLanguage(t, "en")
	for _, c := range []struct {
		subject, detail string
		want            string
	}{
		{"numbering", "CL / 6", "Customer numbering | CL / 6"},
		{"phone_region", "BE", "Phone region | Belgium"},
		{"marketing_sources", "Salon", "Marketing sources | Salon"},
		{"operators_on", "false", "Ask who is working | Turned off"},
		{"something_new", "x", "something_new | x"},
	} {
		e := domain.JournalEntry{Action: domain.JournalSettings, Subject: c.subject, Detail: c.detail}
		if got := cellText(e, 3, "en") + " | " + cellText(e, 4, "en"); got != c.want {
			t.Errorf("%s: %q, want %q", c.subject, got, c.want)
		}
	}
}
