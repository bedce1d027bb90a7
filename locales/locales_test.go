package locales

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/text/language"
)

// The operating system's English reason at the end of an error is said in
// the reader's language, wherever the error shows: as the cause, as a
// value in the message, or as a plain error.
func TestOSReasonsInKorean(t *testing.T) {
	_, notExist := os.Open(filepath.Join(t.TempDir(), "nosuch.csv"))
	if notExist == nil {
		t.Fatal("opened a file that does not exist")
	}
	ko := NewPrinter(language.Korean)
	tests := []struct {
		err  error
		want string
	}{
		{New("init.write", "Path", "a.csv", "Err", fs.ErrNotExist), "a.csv 파일을 쓸 수 없습니다: 파일이나 폴더가 없습니다"},
		{New("init.mkdir", "Path", "x/y", "Err", "mkdir x/y: not a directory"), "x/y 폴더를 만들 수 없습니다: mkdir x/y: 폴더가 아닙니다"},
		{New("init.exists", "Path", "a.csv").Wrap(notExist), "a.csv가 이미 있어서 아무것도 쓰지 않았습니다: open " + filepath.Join(filepath.Dir(notExist.(*fs.PathError).Path), "nosuch.csv") + ": 파일이나 폴더가 없습니다"},
		{fmt.Errorf("rename a b: %w", os.ErrPermission), "rename a b: 권한이 없습니다"},
		{fmt.Errorf("something else"), "something else"},
	}
	for _, tt := range tests {
		if got := ko.ErrorText(tt.err); got != tt.want {
			t.Errorf("ErrorText(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	// English keeps the system's words.
	if got, want := English.ErrorText(New("init.write", "Path", "a.csv", "Err", fs.ErrNotExist)), "cannot write a.csv: file does not exist"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
}

// English renders errors for logs from many goroutines at once (go test -race).
func TestEnglishConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = New("init.exists", "Path", "a.csv").Error()
		}()
	}
	wg.Wait()
}
