{
  description = "dockergate: SSH forced-command gateway for Docker";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" ];
      forAll = f: nixpkgs.lib.genAttrs systems
        (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAll (pkgs: rec {
        dockergate = pkgs.callPackage ./nix/package.nix { };
        default = dockergate;
      });

      overlays.default = final: prev: {
        dockergate = final.callPackage ./nix/package.nix { };
      };

      # services.dockergate, with pkgs.dockergate from the overlay.
      nixosModules.default = {
        imports = [ ./nix/module.nix ];
        nixpkgs.overlays = [ self.overlays.default ];
      };
    };
}
