// An S3-speaking server for the attachment store's tests (test/attachments.s3.test.ts): gofakes3 with its
// in-memory backend on 127.0.0.1. The port is the first argument (0 or none: one the system picks); once it
// accepts connections it prints "listening on 127.0.0.1:<port>". It exits when its standard input closes, so a
// test runner that dies leaves no server behind. Built by `npm run tools:install` (runtime/tools.ts) into .tools/.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

func main() {
	port := "0"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", port))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	faker := gofakes3.New(s3mem.New())
	fmt.Printf("listening on %s\n", ln.Addr())
	if err := http.Serve(ln, faker.Server()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
