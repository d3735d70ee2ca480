module hotline/s3-server

go 1.22

require github.com/johannesboyne/gofakes3 v1.2.0
