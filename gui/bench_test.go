package gui

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carnet/gui/uiwork"
	"carnet/internal/service"
	"carnet/internal/store"
)

// benchService opens the database CARNET_BENCH_DB names
// (make bench creates one of 1,000,000 customers).
func benchService(b *testing.B) *service.Service {
	path := os.Getenv("CARNET_BENCH_DB")
	if path == "" {
		b.Skip("CARNET_BENCH_DB is not set: run `make bench`, which creates a 1,000,000-customer database")
	}
	svc, err := service.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = svc.Close() })
	return svc
}

func benchWindow(b *testing.B, svc *service.Service) *ui {
	a := test.NewApp()
	setupLanguage("fr")
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800))
	u := &ui{app: a, win: w, svc: svc, work: uiwork.New()}
	b.Cleanup(func() { u.work.Wait(time.Minute); w.Close() })
	return u
}

// BenchmarkFirstRows: from building the Clients tab on an open file to the
// count and the first page of rows ready to draw.
func BenchmarkFirstRows(b *testing.B) {
	svc := benchService(b)
	u := benchWindow(b, svc)
	b.ResetTimer()
	for range b.N {
		u.act(func() {
			u.clients = newClientsTab(u)
			u.win.SetContent(u.clients.content)
			u.clients.reload()
		})
		if !u.work.Wait(time.Minute) {
			b.Fatal("first rows did not arrive")
		}
		u.act(func() {
			if !u.clients.model.ready() || u.clients.model.row(0) == nil {
				b.Fatal("no first row")
			}
		})
	}
	b.StopTimer()
	reportMemory(b)
}

// BenchmarkSearchKeystroke: from a search-text change (the debounce
// excluded) to the count and first page of matches in the table's model.
func BenchmarkSearchKeystroke(b *testing.B) {
	svc := benchService(b)
	u := benchWindow(b, svc)
	u.act(func() {
		u.clients = newClientsTab(u)
		u.win.SetContent(u.clients.content)
		u.clients.reload()
	})
	u.work.Wait(time.Minute)
	texts := []string{"m", "ma", "mar", "mart", "marti", "martin", "lyon", "dupont", "06 12", "gmail", "zz", "C00123"}
	var firstRows, counted time.Duration
	b.ResetTimer()
	for i := range b.N {
		text := texts[i%len(texts)]
		start := time.Now()
		u.act(func() {
			q := u.clients.model.query
			q.Text = text
			u.clients.setQuery(q)
		})
		if !u.work.Wait(time.Minute) {
			b.Fatal("search did not finish")
		}
		u.act(func() {
			firstRows += u.clients.model.firstRowsAt.Sub(start)
			counted += u.clients.model.countedAt.Sub(start)
		})
	}
	b.StopTimer()
	// ns/op is until both arrived; the rows are drawn as soon as they come.
	b.ReportMetric(float64(firstRows.Milliseconds())/float64(b.N), "first-rows-ms")
	b.ReportMetric(float64(counted.Milliseconds())/float64(b.N), "count-ms")
	u.act(func() {
		if !u.clients.model.counted {
			b.Fatal("no count")
		}
	})
	reportMemory(b)
}

// BenchmarkScrollWindow: a page far down the list (what a scroll-bar drag
// asks for), from request to rows in the cache.
func BenchmarkScrollWindow(b *testing.B) {
	svc := benchService(b)
	u := benchWindow(b, svc)
	u.act(func() {
		u.clients = newClientsTab(u)
		u.clients.setQuery(store.Query{Archived: store.FilterNo})
	})
	u.work.Wait(time.Minute)
	b.ResetTimer()
	for i := range b.N {
		row := (i*7919*pageSize + 500_000) % max(1, u.clients.model.total)
		u.act(func() { u.clients.model.row(row) })
		u.work.Wait(time.Minute)
	}
	b.StopTimer()
	reportMemory(b)
}

// reportMemory adds the Go heap in use and the process's resident memory.
func reportMemory(b *testing.B) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap-MB")
	if rss := residentMB(); rss > 0 {
		b.ReportMetric(rss, "rss-MB")
	}
}

func residentMB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}
