#!/usr/bin/env bash
# Packages the Apigee provider plugin for `pulumi plugin install`:
#   provider/package.sh            -> provider/target/pulumi-resource-apigee-v<version>-<os>-<arch>.tar.gz
#   pulumi plugin install resource apigee <version> --file provider/target/pulumi-resource-apigee-v<version>-<os>-<arch>.tar.gz
# The archive holds the wrapper script and the shaded jar; it needs Java 17+ on the machine that runs Pulumi.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
version=${1:-0.1.0}
(cd "$here/.." && mvn -B -q package -DskipTests -pl provider -am)
os=$(uname -s | tr '[:upper:]' '[:lower:]')
case "$(uname -m)" in x86_64|amd64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
stage=$(mktemp -d)
cp "$here/bin/pulumi-resource-apigee" "$stage/"
cp "$here/target/pulumi-resource-apigee.jar" "$stage/"
out="$here/target/pulumi-resource-apigee-v$version-$os-$arch.tar.gz"
tar -C "$stage" -czf "$out" pulumi-resource-apigee pulumi-resource-apigee.jar
rm -rf "$stage"
echo "$out"
