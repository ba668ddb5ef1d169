// fabric-contract-api logs every decorator at info level, and fabric-shim's contract router logs
// every failed transaction at error level, which the tests cause on purpose; the tests see each
// failure as a thrown error. CRITICAL keeps test output readable.
process.env.CORE_CHAINCODE_LOGGING_LEVEL = 'CRITICAL';
