# Evaluates the flake's outputs with a stand-in nixpkgs (nixpkgs' lib from
# libPath; callPackage and mkDerivation that only record their arguments),
# so tests/check-nix.sh can check what the package, the overlay and the
# module output are made of without nixpkgs or a build.
{ libPath }:
let
  lib = import libPath;
  stub = name: { type = "derivation"; inherit name; outPath = "/nix/store/stub-${name}"; };
  pkgsFor = system: rec {
    inherit lib;
    stdenv.mkDerivation = args: args // { type = "derivation"; drvSystem = system; };
    pkg-config = stub "pkg-config";
    libyaml = stub "libyaml";
    jansson = stub "jansson";
    libssh = stub "libssh";
    cmocka = stub "cmocka";
    callPackage = f: over:
      let fn = import f; in
      fn (builtins.intersectAttrs (builtins.functionArgs fn) (pkgsFor system) // over);
  };
  flake = import ../../flake.nix;
  self = flake.outputs { inherit self; nixpkgs = { inherit lib; legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] pkgsFor; }; };
  pkg = self.packages.x86_64-linux.default;
  overlaid = self.overlays.default (pkgsFor "x86_64-linux") (pkgsFor "x86_64-linux");
  names = map (d: d.name);
in
{
  systems = builtins.attrNames self.packages;
  pname = pkg.pname;
  version = pkg.version;
  doCheck = pkg.doCheck;
  checkPhase = pkg.checkPhase;
  buildInputs = names pkg.buildInputs;
  nativeBuildInputs = names pkg.nativeBuildInputs;
  checkInputs = names pkg.checkInputs;
  makeFlags = pkg.makeFlags;
  license = pkg.meta.license.spdxId;
  overlayName = overlaid.dockergate.pname;
  moduleImports = map toString self.nixosModules.default.imports;
  moduleOverlays = builtins.length self.nixosModules.default.nixpkgs.overlays;
}
