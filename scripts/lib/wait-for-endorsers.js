// Waits until every organisation's gateway can plan an endorsement of the chaincode: after a fresh
// start or an upgrade, peers learn of each other and of the installed chaincode through gossip a
// few seconds after the definition is committed. Endorsing a read-only proposal (never submitted)
// on every organisation's peer proves discovery knows them all (key-level policies can name any
// two), and changes nothing.
// Usage: node wait-for-endorsers.js PROFILE_DIR TIMEOUT_SECONDS
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const grpc = require('@grpc/grpc-js');
const { connect, hash, signers } = require('@hyperledger/fabric-gateway');

const [profileDir, timeoutSeconds = '60'] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutSeconds) * 1000;

async function endorsable(profile, mspIds) {
  const user = Object.values(profile.users).find((candidate) => candidate.role);
  if (!user) throw new Error(`no user with a role in the ${profile.mspId} profile`);
  const client = new grpc.Client(
    profile.peer.endpoint,
    grpc.credentials.createSsl(fs.readFileSync(profile.peer.tlsCACertPath)),
  );
  const gateway = connect({
    client,
    identity: { mspId: profile.mspId, credentials: fs.readFileSync(user.certPath) },
    signer: signers.newPrivateKeySigner(crypto.createPrivateKey(fs.readFileSync(user.keyPath))),
    hash: hash.sha256,
  });
  try {
    const contract = gateway.getNetwork(profile.channel).getContract(profile.chaincode);
    await contract.newProposal('ListProfilePresets', { endorsingOrganizations: mspIds }).endorse();
  } finally {
    gateway.close();
    client.close();
  }
}

async function main() {
  const profiles = fs
    .readdirSync(profileDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8')));
  const mspIds = profiles.map((profile) => profile.mspId);
  for (const profile of profiles) {
    for (;;) {
      try {
        await endorsable(profile, mspIds);
        break;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`${profile.mspId}: no endorsement plan yet: ${error.message}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
