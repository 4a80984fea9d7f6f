#!/bin/sh
exec java -cp "$(dirname "$0")/greeter-1.0.0.jar" com.example.greeter.Greeter
