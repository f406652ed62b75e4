# dockergate as a Nix package: a callPackage function (the flake's overlay
# and packages use it; nixpkgs could take it as it is).
#
# The unit tests (cmocka) run in the build: they need no daemon, no sshd and
# no root.  The end-to-end suite needs all three and is left to the
# project's CI.
{ lib
, stdenv
, pkg-config
, libyaml
, jansson
, libssh
, cmocka
}:

stdenv.mkDerivation {
  pname = "dockergate";
  version = "0.1.0";

  src = lib.cleanSourceWith {
    src = ../.;
    # Build products of a developer's tree never enter the store.
    filter = path: type:
      !(lib.elem (baseNameOf path) [ "build" "build-san" "build-fuzz" ]);
  };

  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ libyaml jansson libssh ];
  nativeCheckInputs = [ cmocka ];
  checkInputs = [ cmocka ];

  makeFlags = [ "PREFIX=${placeholder "out"}" ];

  doCheck = true;
  checkPhase = ''
    runHook preCheck
    make units
    for t in build/test_*; do "$t"; done
    runHook postCheck
  '';

  # make install: bin/dockergate, bin/dockergate-probe, the three man pages,
  # and the example policies under share/doc/dockergate/policy.

  meta = {
    description = "SSH forced-command gateway for Docker: checks every docker command against a policy";
    license = lib.licenses.isc;
    platforms = lib.platforms.linux;
    mainProgram = "dockergate";
  };
}
