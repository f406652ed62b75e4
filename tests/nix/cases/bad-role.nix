# A role the policy does not have, and a key role likewise.
{
  virtualisation.docker.enable = true;
  services.dockergate = {
    enable = true;
    policy.roles.ai-worker.allow = [ "ps" ];
    accounts.agent.authorizedKeys = [ "ssh-ed25519 AAAA x" ];
    accounts.ai-worker.keyRoles.deploy = [ "ssh-ed25519 AAAA y" ];
  };
}
