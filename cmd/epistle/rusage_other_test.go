//go:build !unix

package main

import "os"

// peakKB is 0 where the process state does not say (Windows): the
// benchmarks then report time only.
func peakKB(*os.ProcessState) int64 { return 0 }
