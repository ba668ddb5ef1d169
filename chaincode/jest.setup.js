process.env.CORE_CHAINCODE_LOGGING_LEVEL = 'error';
