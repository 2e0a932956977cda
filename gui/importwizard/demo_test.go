package importwizard

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/encoding/charmap"

	"carnet/gui/uikit"
	"carnet/internal/importer"
	"carnet/internal/service"
	"carnet/resources/translations"
)

// TestMain opens the wizard alone in a real window when WIZARD_DEMO=1, to
// look at it (and, with WIZARD_SHOTS=DIR, to write a screenshot of each
// step there; screenshots.sh does that). A real window needs the main
// goroutine, hence TestMain rather than a test. WIZARD_LANG=fr|en picks the
// language; WIZARD_FILE opens a file at once.
func TestMain(m *testing.M) {
	if os.Getenv("WIZARD_DEMO") != "1" {
		os.Exit(m.Run())
	}
	if err := demo(); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

func demo() error {
	language := os.Getenv("WIZARD_LANG")
	if language != "en" {
		language = "fr"
	}
	posix := map[string]string{"fr": "fr_FR.UTF-8", "en": "en_US.UTF-8"}[language]
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		_ = os.Setenv(k, posix)
	}
	_ = os.Setenv("LANGUAGE", language)
	for _, l := range []string{"fr", "en"} {
		// The window's own texts, then the wizard's (to be merged into them).
		if data, err := translations.FS.ReadFile(l + ".json"); err == nil {
			_ = lang.AddTranslationsForLocale(data, fyne.Locale(l))
		}
		data, err := translations.FS.ReadFile(l + ".json")
		if err != nil {
			return err
		}
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(l)); err != nil {
			return err
		}
	}
	dir, err := os.MkdirTemp("", "wizdemo")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	svc, err := service.Open(filepath.Join(dir, "demo.db"))
	if err != nil {
		return err
	}
	defer svc.Close()
	a := app.NewWithID("fr.carnet.wizarddemo")
	a.Settings().SetTheme(uikit.NewReadableTheme())
	a.Preferences().RemoveValue(prefRecent) // each demo starts afresh
	win := a.NewWindow("Carnet — Import")
	wiz := New(Deps{Window: win, Importer: importer.New(svc), Lang: language, Preferences: a.Preferences(),
		ShowClients: func(batch int64, ids []int64) { fmt.Printf("ShowClients(batch %d, %d ids)\n", batch, len(ids)) },
		Refresh:     func() { fmt.Println("Refresh()") }})
	win.SetContent(wiz.Content())
	win.SetOnDropped(wiz.HandleDrop)
	win.Resize(fyne.NewSize(1100, 700))
	if shots := os.Getenv("WIZARD_SHOTS"); shots != "" {
		go func() {
			if err := shootSteps(a, win, wiz, svc, dir, shots, language); err != nil {
				fmt.Fprintln(os.Stderr, "screenshots:", err)
			}
			fyne.Do(a.Quit)
		}()
	} else if f := os.Getenv("WIZARD_FILE"); f != "" {
		wiz.OpenFile(f)
	}
	win.ShowAndRun()
	return nil
}

// demoFile writes a realistic ';' Windows-1252 export of n customers, a few
// with mistakes a check finds.
func demoFile(dir string, n int) (string, error) {
	lines := []string{"Code;Raison sociale;Civilité;Nom;Prénom;Adresse;Code postal;Ville;Courriel;Téléphone;Groupes;Encours;Remarque"}
	towns := []struct{ cp, city string }{{"75011", "Paris"}, {"69002", "Lyon"}, {"13001", "Marseille"}, {"33000", "Bordeaux"}, {"59000", "Lille"}, {"44000", "Nantes"}, {"67000", "Strasbourg"}}
	last := []string{"Dupont", "Lefèvre", "Martin", "Bérard", "Petit", "Durand", "Moreau", "Lambert", "Faure", "Rousseau"}
	first := []string{"Élodie", "André", "Zoé", "Noël", "Hélène", "François", "Amélie", "Jérôme", "Inès", "Loïc"}
	for i := 1; i <= n; i++ {
		t := towns[i%len(towns)]
		l, f := last[i%len(last)], first[(i*3)%len(first)]
		company, civ := "", []string{"Mme", "M."}[i%2]
		if i%4 == 0 {
			company, civ = "Boulangerie "+l, ""
		}
		email := strings.ToLower(fmt.Sprintf("%s.%d@exemple.fr", strings.NewReplacer("é", "e", "è", "e").Replace(l), i))
		if i == 7 {
			email = "zoe.martin@@exemple" // an error the check shows
		}
		cp := t.cp
		if i == 12 {
			cp = "6900" // a 4-digit postcode: leading zero lost
		}
		lines = append(lines, fmt.Sprintf("CL%05d;%s;%s;%s;%s;%d rue de la République;%s;%s;%s;0%d 42 00 %02d %02d;%s;%d,00;%s",
			i, company, civ, l, f, i, cp, t.city, email, 1+i%5, i%100, (i*7)%100, []string{"Détaillants", "Grossistes", ""}[i%3], 500*(i%4), []string{"", "Client fidèle", "à relancer"}[i%3]))
	}
	text, err := charmap.Windows1252.NewEncoder().String(strings.Join(lines, "\r\n") + "\r\n")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "export-clients-boutique.csv")
	return path, os.WriteFile(path, []byte(text), 0o644)
}

// shootSteps goes through the five steps and captures each.
func shootSteps(a fyne.App, win fyne.Window, wiz *Wizard, svc *service.Service, dir, shots, language string) error {
	settle := func() {
		wiz.Wait(time.Minute)
		time.Sleep(700 * time.Millisecond) // let the window draw
	}
	// The GL canvas cannot capture itself under Xvfb: ImageMagick grabs the
	// window from the X server, as a user would see it.
	shot := func(n int) error {
		out := filepath.Join(shots, fmt.Sprintf("%s-import-%d.png", language, n))
		size := win.Canvas().Size()
		geometry := fmt.Sprintf("%dx%d+0+0", int(size.Width), int(size.Height))
		cmd := exec.Command("timeout", "20", "import", "-window", "root", "-crop", geometry, "+repage", out)
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %v %s", out, err, b)
		}
		return nil
	}
	path, err := demoFile(dir, 240)
	if err != nil {
		return err
	}
	// A first, smaller import so that step 1 lists a past import and a
	// recent file.
	first, err := demoFile(filepath.Join(dir), 30)
	if err != nil {
		return err
	}
	older := filepath.Join(dir, "clients-2025.csv")
	if err := os.Rename(first, older); err != nil {
		return err
	}
	if _, err := demoFile(dir, 240); err != nil {
		return err
	}
	settle()
	fyne.DoAndWait(func() { wiz.OpenFile(older) })
	settle()
	fyne.DoAndWait(func() { wiz.show(stepMapping) })
	settle()
	fyne.DoAndWait(func() { wiz.show(stepCheck) })
	settle()
	fyne.DoAndWait(func() { wiz.show(stepImport) })
	settle()
	fyne.DoAndWait(wiz.reset)
	settle()
	if err := shot(1); err != nil {
		return err
	}
	fyne.DoAndWait(func() { wiz.OpenFile(path) })
	settle()
	if err := shot(2); err != nil {
		return err
	}
	for n, next := range []int{stepMapping, stepCheck, stepImport} {
		fyne.DoAndWait(func() { wiz.goNextTo(next) })
		settle()
		if err := shot(3 + n); err != nil {
			return err
		}
	}
	return nil
}

// goNextTo taps Next until step to is shown or Next is not allowed (the
// screenshots use it).
func (w *Wizard) goNextTo(to int) {
	for w.current < to && w.steps[w.current].blocked() == "" {
		w.goNext()
	}
}
